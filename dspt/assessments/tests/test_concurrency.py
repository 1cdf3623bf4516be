"""Two people saving the first answer to a question at the same moment: one wins, the other gets a conflict."""

import threading

import pytest
from django.db import connection

from dspt.assessments import answering
from dspt.assessments.models import Answer


@pytest.mark.django_db(transaction=True)
def test_two_first_saves_at_once_give_one_answer_and_one_conflict(assessment, owner, member):
    question = assessment.framework.questions.get(ref="1.3.13")
    barrier = threading.Barrier(2)
    outcomes = []

    def save(user, text):
        try:
            barrier.wait(timeout=10)
            answering.save_answer(
                assessment, question, value={"text": text}, comment="", is_draft=False, user=user, expected_version=0
            )
            outcomes.append("saved")
        except answering.Conflict:
            outcomes.append("conflict")
        except Exception as error:
            outcomes.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(u, f"by {u.email}")) for u in (owner, member)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["conflict", "saved"]
    answer = Answer.objects.get(assessment=assessment, question=question)
    assert answer.version == 1 and answer.versions.count() == 1
