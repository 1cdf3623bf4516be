"""The spot-check checklists: what someone looks at on a walk round, in short plain items.

A spot check in the register names one of these templates; a recorded result keeps the words of each item as they
were when it was checked, so changing a template here never changes a past result."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Checklist:
    code: str
    name: str
    items: tuple[str, ...]


CHECKLISTS = (
    Checklist(
        "clear_desk",
        "Clear desk",
        (
            "No care records, rotas or notes with personal details left out on desks or in shared areas",
            "Nothing with personal details waiting on printers or copiers",
            "Notice boards and whiteboards show no more about people than staff need",
            "Post and phone messages with personal details are put away, not left lying around",
        ),
    ),
    Checklist(
        "locked_cabinets",
        "Locked cabinets and rooms",
        (
            "Cabinets holding records are locked when nobody is using them",
            "Keys are kept safe, and only people who need them have them",
            "The office or records room is locked when it is empty",
            "Files taken out during the shift are back in the cabinet at the end of it",
        ),
    ),
    Checklist(
        "screen_locks",
        "Screen locks and passwords",
        (
            "Computers and tablets left alone are locked",
            "Screens lock by themselves after a few minutes",
            "Visitors cannot read screens in shared areas",
            "No passwords written down near computers or stuck to devices",
            "Each person signs in with their own account, not someone else's",
        ),
    ),
    Checklist(
        "paper_out",
        "Paper records taken out of the building",
        (
            "Records taken out are signed out and signed back in",
            "Staff take only the records they need for the visit or trip",
            "Records are carried in a closed bag or folder and never left in a car",
            "Folders kept in people's homes are out of sight of visitors",
        ),
    ),
    Checklist(
        "confidential_waste",
        "Confidential waste bins",
        (
            "Paper with personal details goes in the confidential bin or the shredder, not the ordinary bin",
            "The confidential bin is locked and not overflowing",
            "A look in the ordinary bins finds no personal details",
            "The bin is collected or shredded regularly, and the certificates are kept",
        ),
    ),
)
BY_CODE = {checklist.code: checklist for checklist in CHECKLISTS}
CHOICES = [(checklist.code, checklist.name) for checklist in CHECKLISTS]
