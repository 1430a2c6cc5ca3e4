// The declaration in include/FuzzerDriver.h is all this target provides; SwiftPM wants a
// source file in every C target.
#include "FuzzerDriver.h"
