#include <git2.h>
// zlib: the pack reader (Sources/DDIGit/Pack) inflates pack entries itself. libgit2-dev depends on
// zlib1g-dev, so this needs no package of its own.
#include <zlib.h>
