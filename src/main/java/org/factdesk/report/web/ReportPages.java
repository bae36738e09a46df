package org.factdesk.report.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.factdesk.article.Article;
import org.factdesk.article.ArticleRevision;
import org.factdesk.article.ArticleService;
import org.factdesk.report.InvalidReport;
import org.factdesk.report.ReportRequest;
import org.factdesk.report.ReportService;
import org.factdesk.report.ReportSettings;
import org.factdesk.report.TooManyReports;
import org.factdesk.shared.ProblemException;
import org.factdesk.shared.web.ArticleText;
import org.factdesk.shared.web.FormStamps;
import org.factdesk.shared.web.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Report an error" for readers, without an account. The form is on every public article page (and on a page of its
 * own, for a link with the quote filled in, and to show what to fix); the answer says thanks and what happens next,
 * and gives the reader their erasure link. A form with the hidden honeypot field filled in, or sent sooner after it
 * was shown than a person could ({@code factdesk.reports.min-fill-time}), gets the same thanks and stores nothing.
 */
@Page
class ReportPages {

    /** The honeypot: a field people never see or fill in, and form-filling bots do. */
    static final String HONEYPOT = "website";

    private static final Logger log = LoggerFactory.getLogger(ReportPages.class);

    private final ReportService reports;
    private final ArticleService articles;
    private final FormStamps stamps;
    private final ReportSettings settings;

    ReportPages(ReportService reports, ArticleService articles, FormStamps stamps, ReportSettings settings) {
        this.reports = reports;
        this.articles = articles;
        this.stamps = stamps;
        this.settings = settings;
    }

    /** What the reader typed, sent back to them with the field to fix; an unticked box sends no {@code consent}. */
    record ReportForm(String quote, Integer start, String problem, String email, Boolean consent) {

        public boolean consented() {
            return Boolean.TRUE.equals(consent);
        }
    }

    /** The purpose a report form's stamp is signed for: one article. */
    static String purpose(long articleId) {
        return "report:" + articleId;
    }

    @GetMapping("/public/articles/{id}/report")
    String form(@PathVariable long id, @RequestParam(required = false) String quote,
            @RequestParam(required = false) Integer start, Model model, CsrfToken csrf) {
        // Made before the page is written: a session cannot be created once a long page has committed the response.
        csrf.getToken();
        return page(id, new ReportForm(quote, start, null, null, null), Map.of(), null, model);
    }

    @PostMapping("/public/articles/{id}/reports")
    String file(@PathVariable long id, @ModelAttribute ReportForm form,
            @RequestParam(name = HONEYPOT, required = false) String honeypot,
            @RequestParam(name = "stamp", required = false) String stamp, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        articles.get(id);
        if (honeypot != null && !honeypot.isEmpty()) {
            log.info("A report on article {} filled in the honeypot field; thanked and dropped", id);
            return "redirect:/public/reports/filed";
        }
        Optional<Duration> age = stamps.age(purpose(id), stamp);
        if (age.isEmpty() || age.get().compareTo(settings.maxFormAge()) > 0) {
            response.setStatus(400);
            return page(id, form, Map.of(), "This form has expired. Your words are still here: please send it again.",
                    model);
        }
        if (age.get().compareTo(settings.minFillTime()) < 0) {
            log.info("A report on article {} came {} ms after its form was shown; thanked and dropped", id,
                    age.get().toMillis());
            return "redirect:/public/reports/filed";
        }
        try {
            ReportService.Filed filed = reports.file(id, new ReportRequest(form.quote(), form.start(),
                    form.problem(), form.email(), form.consented()), request.getRemoteAddr());
            redirect.addFlashAttribute("erasureLink", reports.erasureLink(filed.erasureToken()));
            redirect.addFlashAttribute("articleId", id);
            redirect.addFlashAttribute("withEmail", form.email() != null && !form.email().isBlank());
            return "redirect:/public/reports/filed";
        } catch (InvalidReport invalid) {
            response.setStatus(invalid.status().value());
            return page(id, form, Map.of(invalid.field(), invalid.getMessage()), null, model);
        } catch (ProblemException refused) {
            if (refused instanceof TooManyReports throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            }
            response.setStatus(refused.status().value());
            return page(id, form, Map.of(), refused.getMessage(), model);
        }
    }

    @GetMapping("/public/reports/filed")
    String filed() {
        return "public/report-filed";
    }

    /** The erasure link opens a page that asks first: mail scanners open links, and must not erase anything. */
    @GetMapping("/public/reports/erase")
    String confirmErasure(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("erased", false);
        return "public/report-erase";
    }

    @PostMapping("/public/reports/erase")
    String erase(@RequestParam(required = false) String token, Model model) {
        reports.erase(token);
        model.addAttribute("erased", true);
        return "public/report-erase";
    }

    private String page(long id, ReportForm form, Map<String, String> errors, String message, Model model) {
        Article article = articles.get(id);
        ArticleRevision current = articles.current(id);
        model.addAttribute("article", article);
        model.addAttribute("current", current);
        model.addAttribute("text", ArticleText.of(current.body(), List.of()));
        model.addAttribute("reportForm", form);
        model.addAttribute("reportErrors", errors);
        model.addAttribute("reportMessage", message);
        model.addAttribute("reportStamp", stamps.issue(purpose(id)));
        return "public/report";
    }
}
