package org.factdesk.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Where a page test over MockMvc starts: the running FactDesk's pages through MockMvc with its security filters
 * ({@link PageMvc}), and its API over HTTP for setting the scene ({@link TestApi}). Subclasses carry
 * {@link FactDeskTest}.
 */
public abstract class PageTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected WebApplicationContext context;

    protected MockMvc mvc;
    protected TestApi api;

    @BeforeEach
    void pagesAndApi() {
        mvc = PageMvc.of(context);
        api = new TestApi(port);
    }
}
