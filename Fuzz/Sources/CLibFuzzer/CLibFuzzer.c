// The declaration of libFuzzer's driver is all this module holds (include/CLibFuzzer.h); SwiftPM wants a source file.
#include "CLibFuzzer.h"
