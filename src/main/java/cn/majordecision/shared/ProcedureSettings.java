package cn.majordecision.shared;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Reads the {@link ProcedurePolicy} from the settings at start-up, under the keys each stage has always used; a
 * mistyped value stops the application instead of contradicting the statute silently.
 */
@Configuration(proxyBeanMethods = false)
class ProcedureSettings {

    @Bean
    ProcedurePolicy procedurePolicy(Environment environment) {
        Binder binder = Binder.get(environment);
        ProcedurePolicy national = ProcedurePolicy.NATIONAL;
        return new ProcedurePolicy(
                binder.bind("app.consultation.minimum-days", Integer.class).orElse(national.consultationMinimumDays()),
                binder.bind("app.consultation.hearing-materials-days", Integer.class).orElse(national.hearingMaterialsDays()),
                binder.bind("app.expert-review.minimum-experts", Integer.class).orElse(national.minimumExperts()),
                binder.bind("app.legality-review.minimum-working-days", Integer.class)
                        .orElse(national.legalityReviewWorkingDays()),
                binder.bind("app.meeting.quorum", BigDecimal.class).orElse(national.quorum()),
                binder.bind("app.meeting.max-deferral", Period.class).orElse(national.maxDeferral()),
                binder.bind("app.meeting.leadership", Bindable.listOf(String.class)).orElse(List.of()),
                binder.bind("app.publication.working-days", Integer.class).orElse(national.publicationWorkingDays()),
                binder.bind("app.publication.gazette", Boolean.class).orElse(national.gazette()));
    }
}
