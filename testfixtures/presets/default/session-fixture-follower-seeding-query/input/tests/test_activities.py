def test_list(client, activities):
    response = client.get("/activities")
    assert response.json() == ["a", "b"]
    assert len(activities) == 2
