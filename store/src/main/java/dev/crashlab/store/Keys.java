package dev.crashlab.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/** Keys as bytes, as file names, and as text fit for an error message. */
final class Keys {

    /** One digest per thread: looking the algorithm up among the providers cost more than hashing a key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    /** The stable key-to-file-name encoding: SHA-256, so no key can name a path of its own. */
    static final Function<byte[], String> SHA_256 = keyBytes -> HexFormat.of().formatHex(SHA256.get().digest(keyBytes));

    private Keys() {
    }

    /** UTF-8 that refuses unpaired surrogates instead of turning two keys into the same "?". */
    static byte[] strictUtf8(String text, String what) {
        if (noSurrogates(text)) {
            return text.getBytes(StandardCharsets.UTF_8); // the same bytes: only a lone surrogate differs, and there is none
        }
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The " + what + " " + describe(text)
                    + " is not valid Unicode (an unpaired surrogate): encode it before storing it.", e);
        }
    }

    private static boolean noSurrogates(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The key quoted and escaped, long keys shortened: safe to print anywhere. Shortening never
     * splits a surrogate pair (half an emoji is an unpaired surrogate, which a log may reject).
     */
    static String describe(String key) {
        int shown = Math.min(key.length(), 60);
        if (shown < key.length() && Character.isHighSurrogate(key.charAt(shown - 1))) {
            shown--;
        }
        StringBuilder out = new StringBuilder("\"");
        Text.escape(key.substring(0, shown), true, out);
        out.append('"');
        if (key.length() > shown) {
            out.append("... (").append(key.length()).append(" chars)");
        }
        return out.toString();
    }
}
