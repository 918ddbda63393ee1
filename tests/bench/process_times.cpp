// process_times OUT COMMAND [ARG...]: runs COMMAND once (its output discarded) and appends one line to OUT: the
// elapsed time from just before it starts to just after it ends, its processor time (user and system, of it and of the
// processes it waited for) and its peak memory (the largest resident set of it or any one of them). Used by
// compare-peers.sh instead of /usr/bin/time, whose times are in hundredths of a second: a 50 ms run would be 40, 50 or
// 60 by rounding alone. Line: "elapsed_ms processor_ms peak_KiB". Exits with the command's status (127 when it could
// not start).
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: process_times OUT COMMAND [ARG...]\n");
        return 2;
    }
    FILE *out = std::fopen(argv[1], "ae"); // "e": closed in the command, which is not to see it
    if (!out) {
        std::perror(argv[1]);
        return 2;
    }
    timespec start{};
    timespec end{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return 2;
    }
    if (child == 0) {
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        execvp(argv[2], argv + 2);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    if (wait4(child, &status, 0, &usage) != child) {
        std::perror("wait4");
        return 2;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    const double elapsed = double(end.tv_sec - start.tv_sec) * 1e3 + double(end.tv_nsec - start.tv_nsec) / 1e6;
    const double processor = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
                             + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    std::fprintf(out, "%.2f %.2f %ld\n", elapsed, processor, usage.ru_maxrss);
    std::fclose(out);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
