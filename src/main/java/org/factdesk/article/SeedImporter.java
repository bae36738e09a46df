package org.factdesk.article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import org.factdesk.shared.FactDeskProperties;
import org.factdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Imports every article file of the seed locations once, on start. A malformed file is reported and skipped; the
 * start goes on.
 */
@Component
@Order(SeedImporter.ORDER)
class SeedImporter implements ApplicationRunner {

    /** Runs after the identity set-up, so listeners of {@link ArticleImported} find the users they need. */
    static final int ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(SeedImporter.class);

    private final ArticleService articles;
    private final ResourcePatternResolver resources;
    private final FactDeskProperties properties;

    SeedImporter(ArticleService articles, ResourcePatternResolver resources, FactDeskProperties properties) {
        this.articles = articles;
        this.resources = resources;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] found = resources.getResources(properties.seeds());
        Arrays.sort(found, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        int imported = 0;
        for (Resource resource : found) {
            String source = resource.getFilename();
            if (source == null || articles.isImported(source)) {
                continue;
            }
            try {
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                Article article = articles.importArticle(source, text, "system");
                imported++;
                log.info("Imported seed article {} as article {} ({})", source, article.id(), article.slug());
            } catch (ProblemException | IOException e) {
                log.warn("Skipped seed file {}: {}", source, e.getMessage());
            } catch (DataIntegrityViolationException e) {
                // Another FactDesk node on the same database imported it in the same moment.
                log.info("Seed file {} was imported by another node", source);
            }
        }
        log.info("Seed import: {} file(s) found at {}, {} imported now", found.length, properties.seeds(), imported);
    }
}
