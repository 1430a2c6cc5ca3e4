// Nothing to import: the target only defines `gmtime` (see gmtime.c).
#include <time.h>
