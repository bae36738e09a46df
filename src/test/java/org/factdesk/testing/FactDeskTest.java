package org.factdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A FactDesk test against the whole application on a random port, with its own H2 file database under
 * {@code target/test-data}. Every class with this annotation shares one application context, so the suite starts
 * Spring and Camunda once; tests therefore work on articles of their own ({@link TestApi#importArticle}) and never
 * assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "factdesk.data-dir=target/test-data/${random.uuid}")
public @interface FactDeskTest {
}
