def test_element(element):
    assert element.name == "second"


def test_plain(plain):
    assert plain is not None
