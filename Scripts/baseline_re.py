#!/usr/bin/env python3
"""The yardstick for nianbao's speed: a plain Python `re` script that pulls the same narrative
fields out of report files the way people do today (decode, NFKC, one regex per field over the
whole text, first match wins). It is not accurate; it is what "10x faster than a regex script"
is measured against.

usage: Scripts/baseline_re.py DIR
"""
import os, re, sys, time, unicodedata, json

NUM = r"([0-9][0-9,]*(?:\.[0-9]+)?万?|[零〇一二两三四五六七八九十百千万]+)"
PATTERNS = {
    "report_year": r"((?:19|20)[0-9]{2})\s*年度?[^\n。]{0,20}政府信息公开",
    "issue_date": r"\n\s*((?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*$",
    "period": r"((?:19|20)[0-9]{2}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)\s*起?\s*(?:至|到)\s*((?:(?:19|20)[0-9]{2}\s*年\s*)?[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日)",
    "format_notice": r"(国办公开办函\s*〔\s*[0-9]{4}\s*〕\s*[0-9]+\s*号)",
    "website": r"网站[^。\n]{0,24}?(?:https?://)?((?:[A-Za-z0-9-]+\.)+gov\.cn)",
    "phone": r"电话\s*[:：]?\s*((?:0[0-9]{2,3}-?)?[0-9]{7,8})",
    "email": r"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})",
    "published_total": r"(?:主动公开|发布|公开)[^，。；\n]{0,16}?(?:约|近)?" + NUM + r"\s*(?:余|多)?\s*(?:条|篇|件)",
    "published_website": r"(?:门户网站|网站)[^，。；\n]{0,4}?" + NUM + r"\s*(?:条|篇)",
    "published_wechat": r"(?:微信公众号|公众号)[^，。；\n]{0,12}?(?:发布|编发|推送)[^，。；\n]{0,8}?" + NUM + r"\s*(?:条|篇)",
    "published_media": r"媒体[^，。；\n]{0,4}?公开\s*" + NUM + r"\s*条",
    "wechat_followers": r"(?:微信|公众号)[^，。；\n]{0,12}?(?:关注量|关注人数|粉丝)[^，。；\n]{0,6}?" + NUM,
    "press_conferences": r"(?:举行|召开|举办)[^，。；\n]{0,10}?新闻发布会\s*" + NUM + r"\s*(?:场|次)",
    "policy_interpretations": r"解读(?:类)?(?:信息)?[^，。；\n]{0,3}?" + NUM + r"\s*(?:份|篇|条|项)",
    "applications_received": r"(?:收到|接收|受理)[^，。；\n]{0,24}?申请[^，。；\n]{0,4}?" + NUM + r"\s*件",
    "applications_none": r"未(?:收到|受理)[^，。；\n]{0,16}?申请",
    "proposals_handled": r"建议(?:和|及)政协(?:委员)?提案\s*" + NUM + r"\s*件",
    "accident_reports_published": r"(?:公开|发布)[^，。；\n]{0,6}?" + NUM + r"\s*起事故调查报告",
    "fees_collected": r"(?:未|无)(?:收取|发生)[^，。；\n]{0,16}?(?:处理费|收费)",
}
COMPILED = {k: re.compile(v, re.M) for k, v in PATTERNS.items()}

def decode(data):
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace")

def extract(text):
    text = unicodedata.normalize("NFKC", text)
    record = {}
    for field, regex in COMPILED.items():
        m = regex.search(text)
        record[field] = m.groups() if m else None
    return record

def main():
    paths = []
    for root, _, files in os.walk(sys.argv[1]):
        paths += [os.path.join(root, f) for f in files if f.endswith(".txt")]
    paths.sort()
    blobs = [open(p, "rb").read() for p in paths]
    size = sum(len(b) for b in blobs)
    start = time.perf_counter()
    out = [json.dumps(extract(decode(b)), ensure_ascii=False) for b in blobs]
    elapsed = time.perf_counter() - start
    print("%d documents, %.1f MB, one core: %.1f MB/s, %.0f documents/s" % (len(blobs), size / 1e6, size / 1e6 / elapsed, len(blobs) / elapsed))

main()
