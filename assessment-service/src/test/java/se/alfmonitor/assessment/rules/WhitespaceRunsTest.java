package se.alfmonitor.assessment.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The written-out collapsing gives what the regular expressions it replaces give, on random text. */
class WhitespaceRunsTest {

    /** Letters, each kind of white space, separators, controls and format characters, in and outside the BMP. */
    private static final int[] ALPHABET = { 'a', 'Å', 'ö', '–', '"', ' ', '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1F,
            0x85, 0xA0, 0x2007, 0x202F, 0x2028, 0x2029, 0x3000, 0x200B, 0xFEFF, 0x00AD, 0x7F, 0x0, 0x1D173, 0xE0001,
            0x1F600, 0x10400 };

    @Test
    void collapsingIsTheRegularExpressionsReplacement() {
        Random random = new Random(20261205);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 200 : 12);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String s = text.toString();
            assertThat(WhitespaceRuns.collapseWithControls(s)).as("%s", s.codePoints().boxed().toList())
                    .isEqualTo(s.replaceAll("[\\s\\p{Z}\\p{Cc}\\p{Cf}]+", " "));
            String whole = s.replaceAll("[\\s\\p{Z}]+", " ");
            int limit = random.nextInt(15);
            String cut = WhitespaceRuns.collapse(s, limit);
            if (whole.length() <= limit) {
                assertThat(cut).as("%s", s.codePoints().boxed().toList()).isEqualTo(whole);
            } else {
                assertThat(cut.length()).isGreaterThan(limit);
                assertThat(whole).startsWith(cut);
            }
        }
    }
}
