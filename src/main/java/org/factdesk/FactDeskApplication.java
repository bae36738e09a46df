package org.factdesk;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Starts FactDesk: the article store, the claim review process on Camunda, the API and the pages. A first argument
 * naming an offline command runs that command instead, without the web server or the process engine.
 */
@SpringBootApplication
@EnableAsync
public class FactDeskApplication {

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            // Offline commands: each returns its exit code.
            case "verify-audit" -> System.exit(org.factdesk.audit.VerifyAuditCommand.run(rest));
            case "scan" -> System.exit(org.factdesk.detection.ScanCommand.run(rest));
            default -> SpringApplication.run(FactDeskApplication.class, args);
        }
    }
}
