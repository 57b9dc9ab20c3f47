package fr.portailfamilles.notification.message.web;

import java.util.UUID;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.portailfamilles.notification.message.application.Messages;
import fr.portailfamilles.notification.message.application.Messages.MessagePage;
import fr.portailfamilles.notification.message.domain.Message;
import fr.portailfamilles.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import reactor.core.publisher.Mono;

@RestController
@Validated
@RequestMapping("/api/messages")
public class MessageController {

    private final Messages messages;

    public MessageController(Messages messages) {
        this.messages = messages;
    }

    @Operation(summary = "The family's messages (what was e-mailed to it), newest first, with read/unread")
    @GetMapping
    public Mono<MessagePage> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> messages.page(familyId, page, size));
    }

    @Operation(summary = "Mark one of the family's messages as read (404 for another family's)")
    @PostMapping("/{id}/read")
    public Mono<Message> read(@PathVariable UUID id) {
        return CurrentUser.requireFamilyId().flatMap(familyId -> messages.markRead(familyId, id));
    }
}
