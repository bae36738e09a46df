package org.factdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.factdesk.testing.FactDeskTest;
import org.factdesk.testing.TestApi;
import org.factdesk.testing.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No broken links, as each person sees the desk: starting from their pages, every link FactDesk shows them is
 * followed (within FactDesk, up to a bound) and must open for them, and a link to a place on a page ({@code #...})
 * must find that place there. A link to a page someone may not open is broken for them too.
 */
@FactDeskTest
class LinkCrawlTest {

    /** Pages fetched per person at the most: enough to reach every kind of page from the starting points. */
    private static final int MOST_PAGES = 160;
    /** Where a link leaves FactDesk's own pages: Camunda's webapps, the APIs, signing out. */
    private static final List<String> NOT_FOLLOWED = List.of("/camunda", "/engine-rest", "/api/", "/swagger-ui",
            "/v3/api-docs", "/logout", "/login", "/actuator");

    @LocalServerPort
    int port;

    private TestApi api;

    @BeforeEach
    void aDeskWithEveryKindOfClaim() {
        api = new TestApi(port);
        long article = api.importArticle("The fire chief, Marcus Delany, said nobody was hurt.",
                "Crews from three stations spent four hours at the Riverside warehouse on Sunday.",
                "The warehouse had been empty since Friday, the owner said.");
        long published = api.flag("fiona", article, Map.of("quote", "Delany", "category", "NAME", "replacement",
                "Delaney"));
        api.work("farid", published, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "Delaney", "notice",
                "An earlier version of this article misspelled the name of fire chief Marcus Delaney."));
        api.work("edith", published, Map.of("decision", "APPROVE"));
        long returned = api.flag("edith", article, Map.of("quote", "four hours", "category", "NUMBER",
                "replacement", "five hours"));
        api.work("fiona", returned, Map.of("verdict", "ERROR_CONFIRMED", "replacement", "five hours", "notice",
                "An earlier version of this article gave the wrong length of the operation."));
        api.work("elliot", returned, Map.of("decision", "RETURN", "comment", "Which station's log says five?"));
        api.flag("farid", article, Map.of("quote", "since Friday", "category", "TIME"));
        api.awaitState(published, "PUBLISHED");
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"fiona", "edith", "audrey", "admin", "lena", "dana", "reader"})
    void everyLinkShownOpensAndEveryPlaceLinkedToIsThere(String person) {
        Function<String, TestApi.Answer> get;
        if ("reader".equals(person)) {
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            get = path -> anonymous(http, path);
        } else {
            WebSession session = WebSession.signIn(port, person);
            get = path -> session.send("GET", path, null, null, null);
        }
        List<String> starts = "reader".equals(person)
                ? List.of("/public/articles", "/public/corrections")
                : List.of("/", "/tasks", "/articles", "/audit", "/public/articles", "/admin/mails");

        Map<String, Page> pages = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> broken = new ArrayList<>();
        for (String start : starts) {
            Page page = fetch(get, start);
            // A starting point may not be this person's (an auditor has no queue): only links must open.
            if (page.status() == 200) {
                pages.put(start, page);
                queue.addAll(page.links().keySet());
                page.links().forEach((link, from) -> seen.add(link));
            }
        }
        Map<String, String> linkedFrom = new HashMap<>();
        pages.values().forEach(p -> linkedFrom.putAll(p.links()));
        while (!queue.isEmpty() && pages.size() < MOST_PAGES) {
            String link = queue.poll();
            String path = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
            Page page = pages.computeIfAbsent(path, p -> fetch(get, p));
            if (page.status() != 200) {
                broken.add(link + " (" + page.status() + "), linked from " + linkedFrom.get(link));
                continue;
            }
            if (link.contains("#")) {
                String place = link.substring(link.indexOf('#') + 1);
                if (!place.isEmpty() && !page.ids().contains(place)) {
                    broken.add(link + ": no id '" + place + "' on the page, linked from " + linkedFrom.get(link));
                }
            }
            page.links().forEach((next, from) -> {
                if (seen.add(next)) {
                    queue.add(next);
                    linkedFrom.put(next, from);
                }
            });
        }

        assertThat(pages.size()).as("pages %s reached", person).isGreaterThan("reader".equals(person) ? 3 : 8);
        assertThat(broken).as("broken links for %s", person).isEmpty();
    }

    /** A page as fetched: its status after FactDesk's own redirects, its links (to where they stand) and its ids. */
    private record Page(int status, Map<String, String> links, Set<String> ids) {
    }

    private Page fetch(Function<String, TestApi.Answer> get, String path) {
        TestApi.Answer answer = get.apply(path);
        for (int hops = 0; answer.status() / 100 == 3 && hops < 3; hops++) {
            String location = answer.header("Location");
            if (location == null || !local(location)) {
                return new Page(answer.status(), Map.of(), Set.of());
            }
            path = relative(location);
            answer = get.apply(path);
        }
        if (answer.status() != 200 || answer.contentType() == null || !answer.contentType().startsWith("text/html")) {
            return new Page(answer.status(), Map.of(), Set.of());
        }
        Document html = Jsoup.parse(answer.body(), "http://localhost:" + port + path);
        Map<String, String> links = new HashMap<>();
        for (Element a : html.select("a[href]")) {
            String href = a.attr("abs:href");
            if (!local(href)) {
                continue;
            }
            String link = relative(href);
            if (NOT_FOLLOWED.stream().noneMatch(link::startsWith)) {
                links.putIfAbsent(link, path);
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        html.select("[id]").forEach(e -> ids.add(e.id()));
        return new Page(200, links, ids);
    }

    private boolean local(String url) {
        return url.startsWith("/") && !url.startsWith("//") || url.startsWith("http://localhost:" + port + "/");
    }

    private String relative(String url) {
        return url.startsWith("/") ? url : url.substring(("http://localhost:" + port).length());
    }

    private TestApi.Answer anonymous(HttpClient http, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new TestApi.Answer(response.statusCode(), response.headers().firstValue("Content-Type")
                    .orElse(null), response.body(), response.headers());
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }
}
