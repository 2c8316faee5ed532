#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/* xmlFree is a global function pointer, which Swift 6 sees as shared mutable state: call it here. */
static inline void htmlkit_xml_free(void *pointer) { xmlFree(pointer); }
