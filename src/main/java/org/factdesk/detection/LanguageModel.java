package org.factdesk.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A trigram model of English: CMU Sphinx's generic US English language model as Debian ships it
 * ({@code pocketsphinx-en-us}: {@code /usr/share/pocketsphinx/model/en-us/en-us.lm.bin}, 72,547 words, 2.05 million
 * bigrams, 1.67 million trigrams, 27 MB, BSD licence). The file is the Sphinx "trie" binary format — the quantised,
 * bit-packed reverse trie of KenLM — and is memory-mapped, so opening it costs a few milliseconds and only the pages
 * a scan touches are read.
 *
 * <p>Scores are Katz back-off log probabilities in Sphinx's log base 1.0001 ({@link #LOG10} of them make one decimal
 * order of magnitude). Words are looked up in lower case; a word the model does not know is {@code <unk>}.
 */
final class LanguageModel {

    /** Where Debian's {@code pocketsphinx-en-us} puts the model; {@code FACTDESK_LANGUAGE_MODEL} overrides it. */
    static final Path DEFAULT_PATH = Path.of("/usr/share/pocketsphinx/model/en-us/en-us.lm.bin");

    /** One decimal order of magnitude in the model's units (log base 1.0001). */
    static final double LOG10 = 1 / Math.log10(1.0001);

    private static final String HEADER = "Trie Language Model";
    private static final int QUANT_BINS = 1 << 16;

    private final ByteBuffer file;
    private final Map<String, Integer> vocabulary;
    private final int unigrams;
    private final int quantAt;
    private final int unigramAt;
    private final int middleAt;
    private final int longestAt;
    private final int wordBits;
    private final int nextBits;
    private final int middleBits;
    private final int longestBits;
    private final int unknown;

    private LanguageModel(ByteBuffer file) {
        this.file = file.order(ByteOrder.LITTLE_ENDIAN);
        byte[] header = new byte[HEADER.length()];
        file.get(0, header);
        if (!HEADER.equals(new String(header, StandardCharsets.US_ASCII)) || file.get(HEADER.length()) != 3) {
            throw new IllegalArgumentException("not a Sphinx trigram trie model");
        }
        int at = HEADER.length() + 1;
        unigrams = file.getInt(at);
        int bigrams = file.getInt(at + 4);
        int trigrams = file.getInt(at + 8);
        at += 12 + 4; // the counts, then a word that once named the quantisation
        quantAt = at;
        at += 3 * QUANT_BINS * 4; // bigram probabilities and back-offs, trigram probabilities
        unigramAt = at;
        at += (unigrams + 1) * 12;
        wordBits = bitsFor(unigrams);
        nextBits = bitsFor(trigrams);
        middleBits = wordBits + 32 + nextBits;
        longestBits = wordBits + 16;
        middleAt = at;
        at += (int) (((1L + bigrams) * middleBits + 7) / 8 + 8);
        longestAt = at;
        at += (int) (((1L + trigrams) * longestBits + 7) / 8 + 8);
        int wordsLength = file.getInt(at);
        byte[] words = new byte[wordsLength];
        file.get(at + 4, words);
        vocabulary = new HashMap<>(unigrams * 2);
        int start = 0;
        for (int i = 0; i < unigrams; i++) {
            int end = start;
            while (words[end] != 0) {
                end++;
            }
            vocabulary.put(new String(words, start, end - start, StandardCharsets.ISO_8859_1), i);
            start = end + 1;
        }
        unknown = vocabulary.getOrDefault("<unk>", -1);
    }

    private static final class Shared {
        static final Optional<LanguageModel> INSTANCE = open(configuredPath());
    }

    /** The installed model, opened once per JVM; empty when the package is not installed. */
    static Optional<LanguageModel> shared() {
        return Shared.INSTANCE;
    }

    static Path configuredPath() {
        String configured = System.getenv("FACTDESK_LANGUAGE_MODEL");
        return configured == null || configured.isBlank() ? DEFAULT_PATH : Path.of(configured);
    }

    static Optional<LanguageModel> open(Path path) {
        if (!Files.isReadable(path)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return Optional.of(new LanguageModel(mapped));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language model " + path, e);
        }
    }

    /** The word's id, or -1 when the model does not know it. */
    int id(String word) {
        return vocabulary.getOrDefault(word, -1);
    }

    boolean knows(String word) {
        return vocabulary.containsKey(word);
    }

    /** log P(word) alone, in the model's units. */
    double unigram(String word) {
        int w = idOrUnknown(word);
        return w < 0 ? -20 * LOG10 : file.getFloat(unigramAt + 12 * w);
    }

    /** Whether the model saw the two words together, "a b", in its training text (not a back-off estimate). */
    boolean seen(String a, String b) {
        int ia = idOrUnknown(a);
        int ib = idOrUnknown(b);
        return ia >= 0 && ib >= 0 && find(middleAt, middleBits, next(ib), next(ib + 1), ia) >= 0;
    }

    /** log P(c | a b): {@code a} or {@code b} may be "&lt;s&gt;", {@code c} may be "&lt;/s&gt;". */
    double logProb(String a, String b, String c) {
        int ia = idOrUnknown(a);
        int ib = idOrUnknown(b);
        int ic = idOrUnknown(c);
        if (ic < 0) {
            return -20 * LOG10;
        }
        double prob = file.getFloat(unigramAt + 12 * ic);
        if (ib < 0) {
            return prob;
        }
        // The back-offs of the history: of "b", and of "a b" (found from b, then a, in the reversed trie).
        double backoffB = file.getFloat(unigramAt + 12 * ib + 4);
        double backoffAB = 0;
        if (ia >= 0) {
            long ab = find(middleAt, middleBits, next(ib), next(ib + 1), ia);
            if (ab >= 0) {
                backoffAB = quant(QUANT_BINS + (int) (read(middleAt, ab * middleBits + wordBits, 32) & 0xffff));
            }
        }
        long cb = find(middleAt, middleBits, next(ic), next(ic + 1), ib);
        if (cb < 0) {
            return prob + backoffB + backoffAB;
        }
        double bigram = quant((int) (read(middleAt, cb * middleBits + wordBits, 32) >>> 16));
        if (ia < 0) {
            return bigram;
        }
        long from = read(middleAt, cb * middleBits + wordBits + 32, nextBits);
        long to = read(middleAt, (cb + 1) * middleBits + wordBits + 32, nextBits);
        long cba = find(longestAt, longestBits, from, to, ia);
        if (cba < 0) {
            return bigram + backoffAB;
        }
        return quant(2 * QUANT_BINS + (int) read(longestAt, cba * longestBits + wordBits, 16));
    }

    private int idOrUnknown(String word) {
        return vocabulary.getOrDefault(word, unknown);
    }

    private long next(int unigram) {
        return Integer.toUnsignedLong(file.getInt(unigramAt + 12 * unigram + 8));
    }

    private double quant(int index) {
        return file.getFloat(quantAt + 4 * index);
    }

    /** The entry for {@code word} among entries {@code [from, to)}, sorted by word id; -1 when absent. */
    private long find(int base, int bits, long from, long to, int word) {
        long low = from;
        long high = to;
        while (low < high) {
            long mid = (low + high) >>> 1;
            long w = read(base, mid * bits, wordBits);
            if (w == word) {
                return mid;
            } else if (w < word) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return -1;
    }

    /** {@code bits} bits (at most 57) at bit offset {@code bit} after {@code base}, little-endian. */
    private long read(int base, long bit, int bits) {
        int at = base + (int) (bit >>> 3);
        long value = file.getLong(at);
        return (value >>> (bit & 7)) & ((1L << bits) - 1);
    }

    private static int bitsFor(long max) {
        int bits = 0;
        while ((1L << bits) <= max) {
            bits++;
        }
        return bits;
    }
}
