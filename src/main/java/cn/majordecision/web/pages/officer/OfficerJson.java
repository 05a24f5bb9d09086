package cn.majordecision.web.pages.officer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Values handed to page scripts in data attributes, as JSON ({@code ${@officerJson.write(x)}}). */
@Component("officerJson")
class OfficerJson {

    private final ObjectMapper mapper;

    OfficerJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
