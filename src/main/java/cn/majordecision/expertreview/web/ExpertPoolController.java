package cn.majordecision.expertreview.web;

import cn.majordecision.expertreview.ExpertPool;
import cn.majordecision.expertreview.ExpertPool.ExpertInput;
import cn.majordecision.expertreview.ExpertPool.ExpertView;
import cn.majordecision.shared.Actor;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The expert pool: administrators keep it, officers and heads read it. */
@RestController
class ExpertPoolController {

    private final ExpertPool pool;

    ExpertPoolController(ExpertPool pool) {
        this.pool = pool;
    }

    @GetMapping(path = "/api/experts", produces = "application/json")
    List<ExpertView> list(Actor reader) {
        return pool.list(reader);
    }

    @GetMapping(path = "/api/admin/experts", produces = "application/json")
    List<ExpertView> adminList(Actor admin) {
        return pool.list(admin);
    }

    @PostMapping(path = "/api/admin/experts", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    ExpertView create(@RequestBody ExpertInput input, Actor admin) {
        return pool.create(input, admin);
    }

    @PutMapping(path = "/api/admin/experts/{id}", consumes = "application/json", produces = "application/json")
    ExpertView update(@PathVariable long id, @RequestBody ExpertInput input, Actor admin) {
        return pool.update(id, input, admin);
    }
}
