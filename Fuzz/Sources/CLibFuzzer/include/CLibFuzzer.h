#ifndef REGIO_CLIBFUZZER_H
#define REGIO_CLIBFUZZER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver as a library call (LLVM 11 and later, in the runtime that -sanitize=fuzzer links):
/// parses libFuzzer's flags from argc/argv and runs the fuzzing loop on `callback`.
/// See https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
