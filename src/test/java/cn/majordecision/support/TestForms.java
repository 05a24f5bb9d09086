package cn.majordecision.support;

import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The real task forms of {@code forms/}, for rule tests. */
public final class TestForms {

    private static final FormCatalog CATALOG = new FormCatalog(new ObjectMapper());

    private TestForms() {
    }

    public static FormSchema get(String id) {
        return CATALOG.get(id);
    }
}
