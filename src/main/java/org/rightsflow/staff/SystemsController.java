package org.rightsflow.staff;

import org.rightsflow.connector.SystemRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The registry of connected systems: who owns each and which requests it takes part in. */
@Controller
class SystemsController {

    private final SystemRegistry systems;

    SystemsController(SystemRegistry systems) {
        this.systems = systems;
    }

    @GetMapping("/staff/systems")
    String systems(Model model) {
        model.addAttribute("systems", systems.all());
        return "staff/systems";
    }
}
