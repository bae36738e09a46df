package org.factdesk.publication.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.article.CorrectionKind;
import org.factdesk.shared.web.Page;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The articles as readers see them, without signing in: the current text, when it was last updated, editor's notes
 * above the text, its corrections and clarifications at the foot, and schema.org {@code NewsArticle} JSON-LD for
 * search engines and aggregators. A retracted article shows its retraction notice instead of its text (the text stays
 * in the revision history); a silent fix shows nothing.
 */
@Page
class PublicPages {

    private final ArticleService articles;
    private final ObjectMapper json;

    PublicPages(ArticleService articles, ObjectMapper json) {
        this.articles = articles;
        this.json = json;
    }

    @GetMapping("/public/articles")
    String list(Model model) {
        model.addAttribute("articles", articles.list().stream()
                .sorted(Comparator.comparing(Article::publishedAt).reversed()).toList());
        return "public/articles";
    }

    @GetMapping("/public/articles/{id}")
    String article(@PathVariable long id, Model model, HttpServletRequest request) {
        Article article = articles.get(id);
        ArticleRevision current = articles.current(id);
        List<ArticleRevision> notices = articles.publicNotices(id);
        Optional<ArticleRevision> retraction = notices.stream()
                .filter(n -> n.kind() == CorrectionKind.RETRACTION).reduce((first, later) -> later);
        model.addAttribute("article", article);
        model.addAttribute("current", current);
        model.addAttribute("retraction", retraction.orElse(null));
        model.addAttribute("paragraphs", retraction.isPresent() ? List.of()
                : List.of(current.body().split("\n", -1)));
        model.addAttribute("description", retraction.map(r -> r.notice().full())
                .orElse(current.body().split("\n", -1)[0]));
        model.addAttribute("editorsNotes", notices.stream().filter(n -> n.kind() == CorrectionKind.EDITORS_NOTE)
                .toList());
        model.addAttribute("corrections", notices.stream().filter(n -> n.kind() == CorrectionKind.CORRECTION
                || n.kind() == CorrectionKind.CLARIFICATION).toList());
        model.addAttribute("jsonLd", jsonLd(article, current, notices,
                ServletUriComponentsBuilder.fromRequestUri(request).build().toUriString()));
        return "public/article";
    }

    /**
     * schema.org NewsArticle: a {@code CorrectionComment} in {@code correction} for each correction, clarification
     * and retraction readers were told of; an editor's note as a {@code Comment} in {@code comment}; a retracted
     * article's {@code creativeWorkStatus} "Retracted". A silent fix appears nowhere.
     */
    String jsonLd(Article article, ArticleRevision current, List<ArticleRevision> notices, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", current.headline());
        ld.put("articleSection", article.section());
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        ld.put("datePublished", article.publishedAt().toString());
        ld.put("dateModified", (article.updatedAt() != null ? article.updatedAt() : article.publishedAt()).toString());
        List<Map<String, Object>> corrections = new ArrayList<>();
        List<Map<String, Object>> comments = new ArrayList<>();
        boolean retracted = false;
        for (ArticleRevision update : notices) {
            CorrectionKind kind = update.kind();
            if (!kind.hasPublicNotice()) {
                continue;
            }
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("@type", kind == CorrectionKind.EDITORS_NOTE ? "Comment" : "CorrectionComment");
            comment.put("name", kind.label());
            comment.put("text", update.notice().full());
            comment.put("datePublished", update.createdAt().toString());
            (kind == CorrectionKind.EDITORS_NOTE ? comments : corrections).add(comment);
            retracted |= kind == CorrectionKind.RETRACTION;
        }
        if (retracted) {
            // schema.org's creativeWorkStatus takes a term of the publisher's own lifecycle.
            ld.put("creativeWorkStatus", "Retracted");
        }
        if (!corrections.isEmpty()) {
            ld.put("correction", corrections);
        }
        if (!comments.isEmpty()) {
            ld.put("comment", comments);
        }
        try {
            // "</script>" or "<!--" inside a headline must not end the script element early.
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(ld)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD of article " + article.id(), e);
        }
    }
}
