package org.factdesk.testing;

import jakarta.servlet.Filter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** MockMvc on the pages as the real server runs them: Spring Security, and the engine told who is calling. */
public final class PageMvc {

    private PageMvc() {
    }

    public static MockMvc of(WebApplicationContext context) {
        // The engine must know the user on the pages as it does behind the real server's filter registration.
        Filter engineAuthentication = context.getBean("engineAuthenticationFilter", FilterRegistrationBean.class)
                .getFilter();
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .addFilter(engineAuthentication, "/tasks/*", "/articles/*").build();
    }
}
