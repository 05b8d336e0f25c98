package app.plugboard.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.fleet.yml} as it ships (no Docker engine here: the file is read, not run): with the values
 * it defaults to, every shard of the bot is run by exactly one Plugboard, and the web address reaches each of them.
 */
@DisplayName("docker-compose.fleet.yml: several Plugboards behind one web address")
class FleetComposeTest {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    @Test
    @DisplayName("every shard runs on exactly one Plugboard, all on one database and one bot, each behind the web address")
    @SuppressWarnings("unchecked")
    void everyShardOnce() throws Exception {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.fleet.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        String caddyfile = Files.readString(Path.of("deploy/fleet/Caddyfile"));

        List<Integer> shards = new ArrayList<>();
        Integer total = null;
        for (var service : services.entrySet()) {
            Map<String, Object> environment = (Map<String, Object>) service.getValue().get("environment");
            if (environment == null || !environment.containsKey("PLUGBOARD_DISCORD_SHARD_IDS")) {
                continue;
            }
            // a Plugboard: one database, one bot, one key, its shards
            assertThat(environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/plugboard");
            assertThat(environment).containsKeys("DISCORD_TOKEN", "PLUGBOARD_ENCRYPTION_KEY");
            ShardSelection selection = ShardSelection.of(defaulted(environment.get("PLUGBOARD_DISCORD_SHARDS")),
                    defaulted(environment.get("PLUGBOARD_DISCORD_SHARD_IDS")));
            assertThat(total == null || total.equals(selection.total())).as("the same total everywhere").isTrue();
            total = selection.total();
            shards.addAll(selection.ids());
            assertThat(caddyfile).as("the web address reaches %s", service.getKey()).contains(service.getKey() + ":8080");
        }
        assertThat(total).isNotNull();
        List<Integer> all = new ArrayList<>();
        for (int shard = 0; shard < total; shard++) {
            all.add(shard);
        }
        assertThat(shards).as("each shard once").containsExactlyInAnyOrderElementsOf(all);
        assertThat(caddyfile).contains("/oauth2/*", "/actuator/health", "health_uri /actuator/health");
    }

    private static String defaulted(Object value) {
        Matcher matcher = DEFAULTED.matcher(String.valueOf(value));
        return matcher.matches() ? matcher.group(1) : String.valueOf(value);
    }
}
