// A thread-safe gmtime for the whole process.
//
// libxlsxwriter 1.1.4 writes a workbook's creation date (docProps/core.xml) with
// `strftime(..., gmtime(&created))`, and glibc's gmtime returns one buffer shared by every
// thread: a workbook closing while another thread calls gmtime (another workbook closing,
// in `batch`) could be written with the other's date. Defined in the executable, this
// definition comes before glibc's when the dynamic linker resolves libxlsxwriter's call,
// and each thread gets its own buffer. POSIX allows gmtime's result to be per thread.
#include <time.h>

struct tm *gmtime(const time_t *timer) {
  static _Thread_local struct tm result;
  return gmtime_r(timer, &result);
}
