package org.factdesk.publication.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.shared.web.ArticleText;
import org.factdesk.shared.web.FormStamps;
import org.factdesk.shared.web.Page;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The articles as readers see them, without signing in: the current text, when it was last updated, its corrections
 * and clarifications at the foot, and schema.org {@code NewsArticle} JSON-LD for search engines and aggregators.
 */
@Page
class PublicPages {

    /**
     * The purpose the "Report an error" form's time stamp is signed for; the report pages (report/web) check it under
     * the same name.
     */
    static final String REPORT_FORM = "report:";

    private final ArticleService articles;
    private final ObjectMapper json;
    private final FormStamps stamps;

    PublicPages(ArticleService articles, ObjectMapper json, FormStamps stamps) {
        this.articles = articles;
        this.json = json;
        this.stamps = stamps;
    }

    @GetMapping("/public/articles")
    String list(Model model) {
        model.addAttribute("articles", articles.list().stream()
                .sorted(Comparator.comparing(Article::publishedAt).reversed()).toList());
        return "public/articles";
    }

    @GetMapping("/public/articles/{id}")
    String article(@PathVariable long id, Model model, HttpServletRequest request, CsrfToken csrf) {
        // The report form's token lives in the reader's session: made now, before a long article fills the response
        // buffer and commits it, after which no session can be created.
        csrf.getToken();
        Article article = articles.get(id);
        ArticleRevision current = articles.current(id);
        List<ArticleRevision> corrections = articles.corrections(id);
        model.addAttribute("article", article);
        model.addAttribute("current", current);
        model.addAttribute("paragraphs", List.of(current.body().split("\n", -1)));
        // With their offsets, so the report form's script turns a selection into the quote's start index.
        model.addAttribute("text", ArticleText.of(current.body(), List.of()));
        model.addAttribute("reportStamp", stamps.issue(REPORT_FORM + id));
        model.addAttribute("corrections", corrections);
        model.addAttribute("jsonLd", jsonLd(article, current, corrections,
                ServletUriComponentsBuilder.fromRequestUri(request).build().toUriString()));
        return "public/article";
    }

    /** schema.org NewsArticle with a CorrectionComment per published correction or clarification. */
    String jsonLd(Article article, ArticleRevision current, List<ArticleRevision> corrections, String url) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "NewsArticle");
        ld.put("headline", current.headline());
        ld.put("articleSection", article.section());
        ld.put("url", url);
        ld.put("mainEntityOfPage", url);
        ld.put("datePublished", article.publishedAt().toString());
        ld.put("dateModified", (article.updatedAt() != null ? article.updatedAt() : article.publishedAt()).toString());
        List<Map<String, Object>> notices = new ArrayList<>();
        for (ArticleRevision correction : corrections) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("@type", "CorrectionComment");
            comment.put("text", correction.notice().full());
            comment.put("datePublished", correction.createdAt().toString());
            notices.add(comment);
        }
        if (!notices.isEmpty()) {
            ld.put("correction", notices);
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
