def test_element(element):
    assert element.name == "second"
