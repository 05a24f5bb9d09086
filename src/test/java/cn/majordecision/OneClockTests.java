package cn.majordecision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.majordecision.shared.ApplicationClock;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing reads the wall clock but {@link ApplicationClock}: the application and its tests read the one clock, which
 * the build shifts to a year's end and to years without holiday data. Elapsed time ({@code System.nanoTime}) is no
 * date and stays allowed.
 */
class OneClockTests {

    /** The one clock, its own test, and stand-ins for other systems, which live on the world's time. */
    private static final List<String> ALLOWED = List.of(
            ApplicationClock.class.getName(),
            "cn.majordecision.shared.ApplicationClockTests",
            // an identity provider stamps its tokens with its own time
            "cn.majordecision.identity.OidcSignInIntegrationTests$Provider",
            // anchors the nodes' shifted clocks on the system clock they share
            "cn.majordecision.TwoNodesClusterTests$Node");

    private static final DescribedPredicate<JavaCall<?>> READS_THE_WALL_CLOCK = new DescribedPredicate<>(
            "read the wall clock (now() without a Clock, Clock.system*, System.currentTimeMillis, new Date(),"
                    + " Calendar.getInstance)") {
        @Override
        public boolean test(JavaCall<?> call) {
            String owner = call.getTargetOwner().getName();
            String name = call.getTarget().getName();
            List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
            return switch (owner) {
                case "java.lang.System" -> name.equals("currentTimeMillis");
                case "java.time.Clock" -> name.startsWith("system");
                case "java.util.Date" -> name.equals("<init>") && parameters.isEmpty();
                case "java.util.Calendar", "java.util.GregorianCalendar" ->
                        name.equals("getInstance") || name.equals("<init>") && parameters.isEmpty();
                default -> owner.startsWith("java.time.") && name.equals("now")
                        && parameters.stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
            };
        }
    };

    @Test
    void nothingButTheApplicationClockReadsTheWallClock() {
        JavaClasses classes = new ClassFileImporter().importPackages("cn.majordecision");
        noClasses().that().resideOutsideOfPackage("cn.majordecision.benchmark..")
                .and(DescribedPredicate.describe("are not allowed to", c -> !ALLOWED.contains(c.getName())))
                .should().callCodeUnitWhere(READS_THE_WALL_CLOCK)
                .because("the build runs the suite on a shifted clock: inject the Clock bean, or use"
                        + " ApplicationClock.fromSystemProperties() outside Spring, or a fixed Clock in unit tests")
                .check(classes);
    }
}
