package app.plugboard;

import app.plugboard.launch.FastStart;
import java.util.OptionalInt;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlugboardApplication {

    public static void main(String[] args) {
        OptionalInt ranElsewhere = FastStart.relaunch(PlugboardApplication.class, args);
        if (ranElsewhere.isPresent()) {
            System.exit(ranElsewhere.getAsInt());
        }
        SpringApplication.run(PlugboardApplication.class, args);
    }
}
