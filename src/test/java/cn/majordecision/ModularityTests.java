package cn.majordecision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(DecisionApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void onlyProcessPackagesTouchTheEngine() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.majordecision");
        noClasses().that().resideOutsideOfPackage("..process..")
                .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..")
                .because("the engine stays replaceable (Camunda 7 CE is end of life)")
                .check(classes);
    }
}
