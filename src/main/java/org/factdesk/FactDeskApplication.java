package org.factdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts FactDesk: the article store, the claim review process on Camunda, and the API. */
@SpringBootApplication
public class FactDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(FactDeskApplication.class, args);
    }
}
