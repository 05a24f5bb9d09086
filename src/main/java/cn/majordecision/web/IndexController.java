package cn.majordecision.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where to go: the API, its guide and the engine webapps. */
@RestController
class IndexController {

    @GetMapping(path = "/", produces = "application/json")
    Map<String, String> index() {
        return Map.of(
                "name", "重大行政决策流程引擎",
                "guide", "/docs/index.html",
                "cases", "/api/cases",
                "inbox", "/api/tasks",
                "camunda", "/camunda/app/");
    }
}
