#ifndef SSI_LOG_CZLIB_SHIM_H
#define SSI_LOG_CZLIB_SHIM_H
#include <zlib.h>
#endif
