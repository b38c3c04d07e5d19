/* poweroff_fail: prints a line, then powers off through the finisher with
 * the fail code 0x3333 | 42 << 16 (QEMU exits with status 42). */
#include "rt.h"

int main(void)
{
  puts("poweroff_fail: powering off with code 42\n");
  poweroff(42);
}
