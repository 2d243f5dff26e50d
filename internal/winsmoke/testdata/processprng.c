/*
 * A stand-in bcryptprimitives.dll for Wine versions that lack one, such
 * as Debian 12's Wine 8.0. Go 1.22 and later call ProcessPrng from this
 * DLL at start-up and stop with "bcryptprimitives.dll not found" without
 * it. This ProcessPrng fills the buffer through RtlGenRandom
 * (SystemFunction036 in advapi32.dll) and returns FALSE if that fails.
 *
 * Test scaffolding only: the smoke test puts it in its own Wine prefix.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
	while (length > 0) {
		ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;

		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		length -= chunk;
	}
	return TRUE;
}
