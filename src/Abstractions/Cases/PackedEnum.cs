using System.Runtime.CompilerServices;

namespace Gongzhi.Cases;

/// <summary>
/// An optional enum in one byte, for the records a silo holds one of per case: value + 1, 0 for none,
/// where a <c>Nullable</c> of an int enum takes 8 bytes. For the int-backed enums of this assembly, whose
/// values are small; a value above 254 throws rather than wrap.
/// </summary>
internal static class PackedEnum
{
    public static byte Pack<T>(T? value) where T : struct, Enum =>
        value is { } v ? checked((byte)(ToInt(v) + 1)) : (byte)0;

    public static T? Unpack<T>(byte packed) where T : struct, Enum
    {
        if (packed == 0)
        {
            return null;
        }

        var i = packed - 1;
        return Unsafe.As<int, T>(ref i);
    }

    private static int ToInt<T>(T value) where T : struct, Enum =>
        Unsafe.SizeOf<T>() == sizeof(int) ? Unsafe.As<T, int>(ref value) : throw new NotSupportedException($"{typeof(T)} is not an int enum.");
}
