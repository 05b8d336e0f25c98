package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.plugboard.common.StartupProblem;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("PLUGBOARD_DISCORD_SHARDS and PLUGBOARD_DISCORD_SHARD_IDS")
class ShardSelectionTest {

    @Test
    @DisplayName("neither set: every shard Discord recommends, in this Plugboard")
    void neither() {
        ShardSelection selection = ShardSelection.of(null, null);
        assertThat(selection.total()).isNull();
        assertThat(selection.all()).isTrue();
        assertThat(selection.describe()).isEqualTo("every shard Discord recommends");
    }

    @Test
    @DisplayName("a total alone: all of its shards here")
    void totalAlone() {
        ShardSelection selection = ShardSelection.of(" 4 ", "");
        assertThat(selection.total()).isEqualTo(4);
        assertThat(selection.all()).isTrue();
        assertThat(selection.describe()).isEqualTo("all 4 shards");
    }

    @ParameterizedTest(name = "\"{0}\" of 8 is {1}")
    @CsvSource(delimiter = ';', value = {
            "0-3; 0 1 2 3; shards 0-3 of 8",
            "0,2; 0 2; shards 0,2 of 8",
            " 5 , 0 - 1 ,7; 0 1 5 7; shards 0-1,5,7 of 8",
            "6; 6; shard 6 of 8"})
    @DisplayName("shard ids as numbers and ranges")
    void ids(String ids, String expected, String described) {
        ShardSelection selection = ShardSelection.of("8", ids);
        assertThat(selection.ids()).isEqualTo(List.of(expected.split(" ")).stream().map(Integer::valueOf).toList());
        assertThat(selection.describe()).isEqualTo(described);
    }

    @ParameterizedTest(name = "SHARDS={0}, SHARD_IDS={1}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "null; 0-1; PLUGBOARD_DISCORD_SHARD_IDS is \"0-1\", but PLUGBOARD_DISCORD_SHARDS is not set.; Set PLUGBOARD_DISCORD_SHARDS to the total",
            "0; null; PLUGBOARD_DISCORD_SHARDS is \"0\", which is not a number of shards.; from 1 to 100000",
            "two; null; PLUGBOARD_DISCORD_SHARDS is \"two\", which is not a number of shards.; from 1 to 100000",
            "-2; null; PLUGBOARD_DISCORD_SHARDS is \"-2\", which is not a number of shards.; from 1 to 100000",
            "4; 0-4; PLUGBOARD_DISCORD_SHARD_IDS is \"0-4\", but with PLUGBOARD_DISCORD_SHARDS=4 the shards are 0 to 3.; Name shards from 0 to 3 only",
            "4; 3-1; PLUGBOARD_DISCORD_SHARD_IDS is \"3-1\": the range 3-1 runs backwards.; such as 0-3 or 0,2",
            "4; 0-2,2; PLUGBOARD_DISCORD_SHARD_IDS is \"0-2,2\": shard 2 is named twice.; each shard once",
            "4; 0,,1; PLUGBOARD_DISCORD_SHARD_IDS is \"0,,1\": an empty item between commas.; such as 0-3 or 0,2",
            "4; one; PLUGBOARD_DISCORD_SHARD_IDS is \"one\": \"one\" is not a shard number.; such as 0-3 or 0,2",
            "4; -1; PLUGBOARD_DISCORD_SHARD_IDS is \"-1\": \"-1\" is not a shard number.; such as 0-3 or 0,2"})
    @DisplayName("a value that cannot be used stops the start, naming the setting and what to set")
    void refused(String total, String ids, String description, String action) {
        assertThatThrownBy(() -> ShardSelection.of(total, ids))
                .isInstanceOf(StartupProblem.class)
                .hasMessage(description)
                .satisfies(e -> assertThat(((StartupProblem) e).action()).contains(action));
    }
}
