var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};SITEGEN_SEARCH.facets[1]=[[0],[1],[0,3,1,1],[2,1,1,1],[2,1,1]];
