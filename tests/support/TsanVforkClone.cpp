// Linked into the test suites of the ThreadSanitizer build only.
//
// QProcess (Qt 6.4) starts a program with clone(CLONE_VM | CLONE_VFORK): the
// child runs in the parent's memory until it execs. libtsan's clone()
// interceptor (GCC 12) runs its after-fork handler in that child, and with
// the memory shared it lands on the parent: the thread that started the
// process stops being checked (no race it takes part in is reported) and the
// next thread the parent starts kills it ("starting new threads after
// multi-threaded fork"). Every suite starts tools through QProcess, so the
// executable's own clone() takes precedence over the interceptor and hands a
// clone that shares memory straight to the C library; other clones still go
// through the interceptor.

#include <cstdarg>
#include <dlfcn.h>
#include <sched.h>
#include <sys/types.h>

namespace {

using Clone = int (*)(int (*)(void *), void *, int, void *, ...);

Clone cloneIn(void *library)
{
    return reinterpret_cast<Clone>(dlsym(library, "clone"));
}

} // namespace

extern "C" int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...)
{
    // The C library reads these only for the flags that ask for them; taking
    // all three is what the interceptor does too.
    va_list rest;
    va_start(rest, arg);
    auto *parentTid = va_arg(rest, pid_t *);
    void *tls = va_arg(rest, void *);
    auto *childTid = va_arg(rest, pid_t *);
    va_end(rest);
    static const Clone libc = cloneIn(dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD));
    static const Clone intercepted = cloneIn(RTLD_NEXT);
    const Clone target = (flags & CLONE_VM) && libc ? libc : intercepted;
    return target(fn, stack, flags, arg, parentTid, tls, childTid);
}
