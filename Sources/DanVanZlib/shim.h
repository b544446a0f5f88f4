// zlib, which DanVanDocuments uses to inflate DOCX parts within a byte budget.
#include <zlib.h>
