package org.factdesk.publication.web;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.shared.NewsroomTime;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.factdesk.shared.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public corrections page and its Atom feed: open to everyone, newest first, one item per update readers are told
 * of (a silent fix is not one of them).
 */
@Page
class CorrectionsPages {

    /** Where readers read an article: {@link PublicPages}. */
    static final String ARTICLE_PAGE = "/public/articles/{id}";
    static final String PAGE = "/public/corrections";
    static final String FEED = "/public/corrections.atom";
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private static final String TITLE = "Corrections and clarifications";

    private final ArticleService articles;
    private final NewsroomTime newsroomTime;
    private final Clock clock;

    CorrectionsPages(ArticleService articles, NewsroomTime newsroomTime, Clock clock) {
        this.articles = articles;
        this.newsroomTime = newsroomTime;
        this.clock = clock;
    }

    /** A correction as the page shows it, its time in the newsroom's zone and, for machines, in UTC. */
    record CorrectionView(String headline, String articlePath, String kind, String notice, String time,
            String datetime) {
    }

    @GetMapping(PAGE)
    String page(Model model) {
        List<CorrectionView> views = articles.publicNoticesNewestFirst().stream()
                .map(c -> new CorrectionView(c.headline(), articlePath(c), c.kind().label(), c.notice().full(),
                        newsroomTime.format(c.createdAt()), c.createdAt().toString()))
                .toList();
        model.addAttribute("corrections", views);
        model.addAttribute("feed", FEED);
        return "public/corrections";
    }

    @GetMapping(FEED)
    ResponseEntity<String> feed() throws FeedException {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        List<ArticleRevision> published = articles.publicNoticesNewestFirst();
        Feed feed = new Feed("atom_1.0");
        feed.setId(base + FEED);
        feed.setTitle(TITLE);
        // An empty feed still needs an <updated>; "now" is the honest answer to "as of when is this complete?".
        feed.setUpdated(Date.from(published.isEmpty() ? clock.instant() : published.get(0).createdAt()));
        feed.setAlternateLinks(List.of(link("alternate", base + PAGE, "text/html")));
        feed.setOtherLinks(List.of(link("self", base + FEED, ATOM.toString())));
        feed.setAuthors(List.<SyndPerson>of(newsroom()));
        feed.setEntries(published.stream().map(c -> entry(c, base)).toList());
        String xml = new WireFeedOutput().outputString(feed);
        return ResponseEntity.ok().contentType(ATOM).body(xml);
    }

    private Entry entry(ArticleRevision correction, String base) {
        Entry entry = new Entry();
        // The article and the revision the update made identify it for good, whatever the page address becomes.
        entry.setId("urn:factdesk:article:" + correction.articleId() + ":revision:" + correction.revision());
        entry.setTitle(correction.kind().label() + ": " + correction.headline());
        Date at = Date.from(correction.createdAt());
        entry.setPublished(at);
        entry.setUpdated(at);
        entry.setAlternateLinks(List.of(link("alternate", base + articlePath(correction), "text/html")));
        Content summary = new Content();
        summary.setType(Content.TEXT);
        summary.setValue(correction.notice().full());
        entry.setSummary(summary);
        Category kind = new Category();
        kind.setTerm(correction.kind().name().toLowerCase(Locale.ROOT));
        kind.setLabel(correction.kind().label());
        entry.setCategories(List.of(kind));
        return entry;
    }

    private static Person newsroom() {
        Person person = new Person();
        person.setName("FactDesk newsroom");
        return person;
    }

    private static Link link(String rel, String href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static String articlePath(ArticleRevision correction) {
        return ARTICLE_PAGE.replace("{id}", String.valueOf(correction.articleId()));
    }
}
