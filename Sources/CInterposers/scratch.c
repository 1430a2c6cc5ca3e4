// libxlsxwriter's scratch files, in memory.
//
// libxlsxwriter 1.1.4 writes each part of a workbook (every sheet, the styles, the shared
// strings …) to a scratch file from lxw_tmpfile, then reads it back into the ZIP archive: for
// a 5 000-cell workbook some 35 files created and unlinked and 300 reads and writes of 4 KB,
// a tenth of the time of writing it. Debian builds it without its USE_FMEMOPEN option, and it
// calls lxw_tmpfile through its PLT, so this definition in the executable takes its place: a
// stream over a growing buffer in memory (fopencookie), freed when libxlsxwriter closes it.
// The part is held in memory only while it is written and copied into the archive.
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

typedef struct {
  char *data;
  size_t size, capacity;
  off64_t position;
} Scratch;

static ssize_t scratchRead(void *cookie, char *buffer, size_t count) {
  Scratch *scratch = cookie;
  if (scratch->position >= (off64_t)scratch->size) return 0;
  size_t available = scratch->size - (size_t)scratch->position;
  if (count > available) count = available;
  memcpy(buffer, scratch->data + scratch->position, count);
  scratch->position += (off64_t)count;
  return (ssize_t)count;
}

// Returns 0, which stdio takes as an error, when memory runs out.
static ssize_t scratchWrite(void *cookie, const char *buffer, size_t count) {
  Scratch *scratch = cookie;
  size_t start = (size_t)scratch->position, end = start + count;
  if (end < start || end > (size_t)INT64_MAX) return 0;
  if (end > scratch->capacity) {
    size_t capacity = scratch->capacity ? scratch->capacity : 16384;
    while (capacity < end) {
      if (capacity > SIZE_MAX / 2) return 0;
      capacity *= 2;
    }
    char *data = realloc(scratch->data, capacity);
    if (data == NULL) return 0;
    scratch->data = data;
    scratch->capacity = capacity;
  }
  if (start > scratch->size) memset(scratch->data + scratch->size, 0, start - scratch->size);  // a hole reads as zeros
  memcpy(scratch->data + start, buffer, count);
  scratch->position = (off64_t)end;
  if (end > scratch->size) scratch->size = end;
  return (ssize_t)count;
}

static int scratchSeek(void *cookie, off64_t *offset, int whence) {
  Scratch *scratch = cookie;
  off64_t base;
  switch (whence) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = scratch->position; break;
    case SEEK_END: base = (off64_t)scratch->size; break;
    default: return -1;
  }
  if ((*offset < 0 && base + *offset < 0) || (*offset > 0 && base > INT64_MAX - *offset)) return -1;
  scratch->position = base + *offset;
  *offset = scratch->position;
  return 0;
}

static int scratchClose(void *cookie) {
  Scratch *scratch = cookie;
  free(scratch->data);
  free(scratch);
  return 0;
}

FILE *lxw_tmpfile(char *tmpdir) {
  (void)tmpdir;
  Scratch *scratch = calloc(1, sizeof *scratch);
  if (scratch == NULL) return NULL;
  cookie_io_functions_t functions = {scratchRead, scratchWrite, scratchSeek, scratchClose};
  FILE *file = fopencookie(scratch, "w+", functions);
  if (file == NULL) free(scratch);
  return file;
}
