package app.plugboard.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Random tokens")
class RandomTokensTest {

    @Test
    @DisplayName("URL-safe tokens: 4 characters per 3 random bytes, letters, digits, '-' and '_' only, never the same twice")
    void urlSafe() {
        // WHEN tokens of the sizes Plugboard uses are made (drafts, reply keys, sign-in capabilities)
        // THEN each has the length its bytes give, and only characters a URL carries as they are
        assertThat(RandomTokens.urlSafe(15)).hasSize(20).matches("[A-Za-z0-9_-]+");
        assertThat(RandomTokens.urlSafe(16)).hasSize(22).matches("[A-Za-z0-9_-]+");
        assertThat(RandomTokens.urlSafe(32)).hasSize(43).matches("[A-Za-z0-9_-]+");
        // AND a thousand of them are a thousand different ones
        Set<String> tokens = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> tokens.add(RandomTokens.urlSafe(15)));
        assertThat(tokens).hasSize(1000);
    }

    @Test
    @DisplayName("readable references: only letters and digits that cannot be mistaken for each other, and they vary")
    void readable() {
        // WHEN many 8-character references are made
        Set<String> references = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> references.add(RandomTokens.readable(8)));

        // THEN none holds I, O, 0 or 1, each has 8 characters, and they differ
        assertThat(references).hasSize(1000).allSatisfy(reference -> assertThat(reference).matches("[A-HJ-NP-Z2-9]{8}"));
        // AND every character of the alphabet turns up (the choice is spread over all of it)
        Set<Character> seen = new HashSet<>();
        references.forEach(reference -> reference.chars().forEach(c -> seen.add((char) c)));
        assertThat(seen).hasSize(RandomTokens.READABLE.length());
    }
}
