package cn.majordecision.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.support.Api;
import cn.majordecision.support.CaseDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo data: this year's decision catalog is published and the two demo cases are filed against its items. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "app.demo.cases=true")
class DemoCatalogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void theDemoCasesBelongToItemsOfThePublishedCatalog() {
        // the demo loaded the catalog of its year when the context started; the year may have turned since
        int year = LocalDate.now(clock.withZone(Deadlines.CHINA)).getYear();
        Api.Response catalog = Api.as(port, "zhangwei", CaseDriver.PASSWORD).get("/api/catalogs/" + year);
        if (catalog.status() == 404) {
            year -= 1;
            catalog = Api.as(port, "zhangwei", CaseDriver.PASSWORD).get("/api/catalogs/" + year);
        }
        // on a database other tests filled first, the demo loads no cases and no catalog
        assumeTrue(catalog.status() == 200 && catalog.body().contains("银湖镇农村人居环境整治三年行动方案"),
                "the demo data ran on an empty database");

        JsonNode items = catalog.json().path("items");
        assertThat(catalog.json().path("status").path("code").asText()).isEqualTo("PUBLISHED");
        assertThat(items.findValuesAsText("title")).containsExactly("银湖镇中心街道路改造工程",
                "银湖镇农村人居环境整治三年行动方案", "银湖镇集贸市场搬迁规划");
        assertThat(items.path(0).path("caseNumber").asText()).isNotBlank();
        assertThat(items.path(1).path("caseNumber").asText()).isNotBlank();
        assertThat(items.path(2).path("caseNumber").isNull()).isTrue();
        JsonNode road = new CaseDriver(port).detail(items.path(0).path("caseNumber").asText());
        assertThat(road.path("flags").path("hearing").asBoolean()).isTrue();
        assertThat(road.path("summary").path("stage").path("code").asText()).isEqualTo("PUBLIC_PARTICIPATION");
        assertThat(Api.anonymous(port).get("/api/public/catalogs/" + year).status()).isEqualTo(200);
    }
}
