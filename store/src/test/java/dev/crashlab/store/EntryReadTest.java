package dev.crashlab.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reader that reads an entry's value straight into its own array says exactly what one that
 * reads the whole file and decodes it says, for well-formed entries and for every kind of damage:
 * the same value, or the same error with the same message. So does a put's look, which compares
 * the value with its own a piece at a time instead of keeping it: the same error, or whether the
 * value is the same.
 */
class EntryReadTest {

    private static final long SEED = 20261129L;
    private static final int CASES = 400;
    private static final int[] SIZES = {0, 1, 13, 4096, 70_000};

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Fs.class)
    void readsWhatAWholeFileDecodeReads(Fs fs) throws Exception {
        Path root = fs.newRoot(tmp);
        Random random = new Random(SEED);
        String key = "key";
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        long max = EntryFormat.fileSize(keyBytes.length, 1 << 20);
        for (int i = 0; i < CASES; i++) {
            String damage = DAMAGES[random.nextInt(DAMAGES.length)];
            byte[] bytes = damaged(entry(random.nextBoolean() ? keyBytes : "kez".getBytes(StandardCharsets.UTF_8),
                    SIZES[random.nextInt(SIZES.length)], random), damage, random);
            Path file = root.resolve("entry-" + i);
            Files.write(file, bytes);
            String what = "seed " + SEED + ", case " + i + " (" + damage + ", " + bytes.length + " bytes)";
            EntryReader.Found read = EntryReader.read(file, key, keyBytes, max);
            EntryReader.Found decoded = EntryReader.judge(file, key, keyBytes, bytes);
            assertArrayEquals(decoded.value(), read.value(), what);
            assertEquals(decoded.error() == null ? null : decoded.error().getClass(),
                    read.error() == null ? null : read.error().getClass(), what);
            assertEquals(decoded.error() == null ? null : decoded.error().getMessage(),
                    read.error() == null ? null : read.error().getMessage(), what);

            byte[] mine = candidate(decoded.value(), random);
            int from = random.nextInt(9);
            byte[] around = new byte[from + mine.length + random.nextInt(9)];
            System.arraycopy(mine, 0, around, from, mine.length);
            EntryReader.Found looked = EntryReader.read(file, key, keyBytes, max,
                    new EntryFormat.Expected(around, from, mine.length));
            assertEquals(null, looked.value(), what);
            assertEquals(decoded.value() == null ? null : Arrays.equals(decoded.value(), mine), looked.sameValue(), what);
            assertEquals(decoded.error() == null ? null : decoded.error().getMessage(),
                    looked.error() == null ? null : looked.error().getMessage(), what);
        }
    }

    /** A put's value to compare an entry with: the entry's own, or one differing in a byte or in length. */
    private static byte[] candidate(byte[] stored, Random random) {
        byte[] v = stored == null ? new byte[SIZES[random.nextInt(SIZES.length)]] : stored.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                if (v.length > 0) {
                    v[random.nextInt(v.length)] ^= 1;
                }
            }
            case 1 -> v = Arrays.copyOf(v, v.length + 1);
            default -> {
                // the same value
            }
        }
        return v;
    }

    private static final String[] DAMAGES = {"none", "none", "truncated", "tail", "bit", "zeros", "version", "key length",
        "lost head", "one byte left", "foreign"};

    private static byte[] entry(byte[] key, int valueLength, Random random) {
        byte[] bytes = new byte[(int) EntryFormat.fileSize(key.length, valueLength)];
        int from = EntryFormat.valueOffset(key.length);
        byte[] value = new byte[valueLength];
        random.nextBytes(value);
        System.arraycopy(value, 0, bytes, from, valueLength);
        EntryFormat.seal(bytes, key, valueLength);
        return bytes;
    }

    private static byte[] damaged(byte[] bytes, String damage, Random random) {
        switch (damage) {
            case "truncated" -> {
                return Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            case "tail" -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(20));
                longer[longer.length - 1] = (byte) (1 + random.nextInt(255));
                return longer;
            }
            case "bit" -> bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            case "zeros" -> Arrays.fill(bytes, (byte) 0);
            case "lost head" -> Arrays.fill(bytes, 0, Math.min(bytes.length, 1 + random.nextInt(512)), (byte) 0);
            case "one byte left" -> {
                Arrays.fill(bytes, (byte) 0);
                bytes[random.nextInt(bytes.length)] = (byte) (1 + random.nextInt(255));
            }
            case "foreign" -> {
                random.nextBytes(bytes);
                bytes[0] = 'X';
            }
            case "version" -> bytes[4] = 2;
            case "key length" -> bytes[8] += (byte) (random.nextBoolean() ? 1 : -1);
            default -> {
                // well formed
            }
        }
        return bytes;
    }
}
