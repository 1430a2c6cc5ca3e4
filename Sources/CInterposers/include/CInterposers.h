// Definitions that take the place of C library functions in the whole process, for
// libxlsxwriter: a per-thread gmtime (gmtime.c), a settable deflate level (deflate.c) and
// scratch files in memory (scratch.c, libxlsxwriter's own lxw_tmpfile).
#ifndef CINTERPOSERS_H
#define CINTERPOSERS_H

/// The zlib level for deflate streams the calling thread starts from now on; -1 for the
/// level each caller asks for.
void cement_set_deflate_level(int level);

#endif
