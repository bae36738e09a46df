package org.factdesk.shared;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code factdesk.data-dir} an absolute path before anything reads it. H2 refuses a file URL that is
 * implicitly relative ({@code data/factdesk} rather than {@code ./data/factdesk}), so {@code FACTDESK_DATA_DIR=data}
 * would otherwise stop the start.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "factdesk.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            return;
        }
        String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
        environment.getPropertySources().addFirst(new MapPropertySource("factdeskAbsoluteDataDir",
                Map.of(PROPERTY, absolute)));
    }
}
